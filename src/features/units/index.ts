/** The units an office deals with (县直单位 and 乡镇), found by any name they are written with; host-free. */
export { ALIAS_GROUPS } from './unit-aliases';
export {
  type UnitDirectoryOptions,
  type UnitEntry,
  type UnitHit,
  type UnitHow,
  UnitDirectory,
} from './unit-directory';
export {
  cleanUnitName,
  closeUnitKeys,
  type RegionLevel,
  regionLevel,
  unitKey,
  unitKeys,
  unitNameIn,
  unitStem,
} from './unit-key';
export {
  type RegisterProblem,
  readUnitRegister,
  readUnitRegisterGrids,
  type UnitRegisterRead,
} from './read-unit-register';
