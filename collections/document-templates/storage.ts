/** The folder of uploaded templates (beside the other uploads). */
import path from 'node:path'

export const documentTemplatesDir = () => path.resolve(process.env.UPLOADS_DIR ?? path.join(process.env.DATA_DIR ?? 'data', 'uploads'), 'document-templates')
