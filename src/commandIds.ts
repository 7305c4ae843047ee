// The ids of the commands package.json contributes, in one place
// (an integration test checks the two agree).
export const COMMAND = {
  openEntry: 'infraIndex.openEntry',
  findEntry: 'infraIndex.findEntry',
  findFigure: 'infraIndex.findFigure',
  openRepository: 'infraIndex.openRepository',
  compareFigures: 'infraIndex.compareFigures',
  filterTree: 'infraIndex.filterTree',
  clearFilter: 'infraIndex.clearFilter',
  groupBy: 'infraIndex.groupBy',
  sortBy: 'infraIndex.sortBy',
  refresh: 'infraIndex.refresh',
  itemOpenRepository: 'infraIndex.item.openRepository',
  itemCopyLink: 'infraIndex.item.copyLink',
  checkForUpdates: 'infraIndex.checkForUpdates',
  showChanges: 'infraIndex.showChanges',
  useBundledIndex: 'infraIndex.useBundledIndex',
  openIndexSource: 'infraIndex.openIndexSource',
  scanWorkspace: 'infraIndex.scanWorkspace',
  stopScan: 'infraIndex.stopScan',
} as const;
