import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::funding-line.funding-line');
