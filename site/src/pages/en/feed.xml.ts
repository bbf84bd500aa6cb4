import { feedRoute } from '../feed.xml.ts';

/** Atom feed of the projects in English; see ../feed.xml.ts. */
export const GET = feedRoute('en');
