import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      allowedOrigins: [env('PREVIEW_URL', 'http://localhost:4323')],
      /**
       * The admin's Preview button opens the preview server, which renders the draft with the
       * site's own components. The secret is exchanged there for a cookie; see publisher/src/preview.ts.
       */
      async handler(uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) {
        const params = new URLSearchParams({
          uid,
          documentId,
          locale: locale ?? 'it',
          status: status ?? 'draft',
          secret: env('PREVIEW_SECRET', ''),
        });
        return `${env('PREVIEW_URL', 'http://localhost:4323')}/preview?${params}`;
      },
    },
  },
  flags: {
    // No marketing prompts for editors of a public administration.
    nps: false,
    promoteEE: false,
  },
});

export default config;
