import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::community-of-practice.community-of-practice');
