import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::community-of-practice.community-of-practice');
