import { formats, winston } from '@strapi/logger';

/** Console logging; STRAPI_LOG_LEVEL (error, warn, info, http, debug) quiets scripts that load the CMS. */
const level = process.env.STRAPI_LOG_LEVEL ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
};
