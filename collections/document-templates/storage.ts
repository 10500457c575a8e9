/** The folder of uploaded templates on local disk (beside the other uploads; S3 storage: src/storage/). */
import { localFolder } from '../../src/storage/locations'

export const documentTemplatesDir = () => localFolder('document-templates')
