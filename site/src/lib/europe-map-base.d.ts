/** The map geo-base.ts makes, made when the code is bundled (scripts/europe-map-plugin.ts). */
declare module 'virtual:europe-map-base' {
  const base: import('./geo-base.ts').EuropeBase;
  export default base;
}
