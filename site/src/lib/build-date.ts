/** Today as the build sees it; fixed by BUILD_DATE for reproducible builds and tests. */
export const buildDate = (): Date => (process.env.BUILD_DATE ? new Date(process.env.BUILD_DATE) : new Date());
