// Types of this page's env variables (tsconfig loads `vite/client`, which declares `import.meta.env`).
interface ImportMetaEnv {
  /** Origin of the PUGUH API the page lists plans from; default `http://127.0.0.1:4010` (the local API). */
  readonly VITE_PUGUH_BASE_URL?: string;
}
