declare module 'virtual:war-room/scenarios' {
  const entries: import('./bundled.ts').BundledScenario[];
  export default entries;
}
