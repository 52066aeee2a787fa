import { TrackPage } from './TrackPage.tsx';

/** The citizen's front page (mobile first). Submitting a request joins tracking here. */
export function CitizenHome() {
  return <TrackPage />;
}
