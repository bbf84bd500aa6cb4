import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::funding-line.funding-line');
