// Written to stderr, after Jest's own summary on the same stream. Prints the run's plain closing line ("N passed, N failed, N skipped") that CI reads in any language.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(
      `\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
