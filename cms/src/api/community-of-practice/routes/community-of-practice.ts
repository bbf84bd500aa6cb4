import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::community-of-practice.community-of-practice');
