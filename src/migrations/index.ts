import * as migration_20261123_174046_initial from './20261123_174046_initial';

export const migrations = [
  {
    up: migration_20261123_174046_initial.up,
    down: migration_20261123_174046_initial.down,
    name: '20261123_174046_initial'
  },
];
