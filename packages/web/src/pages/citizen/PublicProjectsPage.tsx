/** The public page of a region's key livelihood projects (/projects/:regionCode). */
export function PublicProjectsPage() {
  return <div />;
}
