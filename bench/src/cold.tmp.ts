import { benchColdImport } from './cold-import';
benchColdImport();
