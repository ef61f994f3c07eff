/**
 * Settings every package's vitest config shares: workspace packages resolve to their TypeScript
 * source through the `@puguh/source` export condition, so tests never need a prior build.
 */
export const sourceConditions: string[] = ['@puguh/source', 'module', 'browser', 'development|production'];

export const sourceFirst = {
  resolve: { conditions: ['@puguh/source'] },
  ssr: { resolve: { conditions: ['@puguh/source'], externalConditions: ['@puguh/source'] } },
};
