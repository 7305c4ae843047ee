// Where an index was read from, which its own figures cite as their source;
// and the bundled snapshot's. Apart from the catalog's build, so that what
// only names the source (the language-model tools) does not bring the parser in.

/** Where the index itself was read from: its figures name this as their source. */
export interface IndexSource {
  readonly repo: string;
  readonly path: string;
  readonly commit?: string;
  /** Where to read it, when it is not a file in a GitHub repository ('' for none, such as a local file). */
  readonly url?: string;
}

/** The upstream README at the commit the bundled snapshot's figures were checked against. */
export const BUNDLED_INDEX_SOURCE: IndexSource = {
  repo: 'deepseek-ai/open-infra-index',
  path: 'README.md',
  commit: '56d86855fcf6e08fdfd45ce6280bd24322c93351',
};
