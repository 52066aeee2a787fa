/** What a rectification notice's answer, appeal or decision changes: the notices and the supervision centre's counts. */
export const rectificationKeys = [['safety-net', 'rectifications'], ['supervision']];
