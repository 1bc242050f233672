/**
 * `tasks.search_text` is built with `foldVietnamese` of @dondoc/contracts (default options). This module only
 * forwards it for the importers that still name it; import it from @dondoc/contracts.
 */
export { foldVietnamese } from '@dondoc/contracts';
