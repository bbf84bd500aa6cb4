import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::funding-line.funding-line');
