declare module 'virtual:war-room/scenarios' {
  /** Where the validated scenarios are served as JSON (see src/scenarios/vite-plugin.ts). */
  const url: string;
  export default url;
}
