/**
 * A catalogue row's code in the list as the code itself. Payload draws a text id as "ID: thcs";
 * the code is what the province types and reads (`unitType: "thcs"`), not an internal id.
 */
import type { DefaultServerCellComponentProps } from 'payload'

export const CatalogueCodeCell = ({ cellData }: DefaultServerCellComponentProps) => <code>{typeof cellData === 'string' ? cellData : ''}</code>
