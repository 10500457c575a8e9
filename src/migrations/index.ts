import * as migration_20261123_174046_initial from './20261123_174046_initial';
import * as migration_20261123_182103_criteria_sets from './20261123_182103_criteria_sets';
import * as migration_20261123_203017_rounds_self_assessments from './20261123_203017_rounds_self_assessments';
import * as migration_20261123_205442_reviews_decisions_recognitions from './20261123_205442_reviews_decisions_recognitions';
import * as migration_20261129_125057_write_rules_revocations from './20261129_125057_write_rules_revocations';
import * as migration_20261129_193949_province_data from './20261129_193949_province_data';
import * as migration_20261129_194242_confirmation_label from './20261129_194242_confirmation_label';
import * as migration_20261130_020037_document_templates from './20261130_020037_document_templates';
import * as migration_20261130_031414_notifications_outbox_holidays from './20261130_031414_notifications_outbox_holidays';
import * as migration_20261130_052510_file_tasks from './20261130_052510_file_tasks';
import * as migration_20261130_062645_boundary_changes from './20261130_062645_boundary_changes';
import * as migration_20261130_062753_national_indexes from './20261130_062753_national_indexes';
import * as migration_20261130_063239_file_tasks_imports from './20261130_063239_file_tasks_imports';
import * as migration_20261130_063825_stateless_nodes from './20261130_063825_stateless_nodes';
import * as migration_20261130_083323_national_speed from './20261130_083323_national_speed';

export const migrations = [
  {
    up: migration_20261123_174046_initial.up,
    down: migration_20261123_174046_initial.down,
    name: '20261123_174046_initial',
  },
  {
    up: migration_20261123_182103_criteria_sets.up,
    down: migration_20261123_182103_criteria_sets.down,
    name: '20261123_182103_criteria_sets',
  },
  {
    up: migration_20261123_203017_rounds_self_assessments.up,
    down: migration_20261123_203017_rounds_self_assessments.down,
    name: '20261123_203017_rounds_self_assessments',
  },
  {
    up: migration_20261123_205442_reviews_decisions_recognitions.up,
    down: migration_20261123_205442_reviews_decisions_recognitions.down,
    name: '20261123_205442_reviews_decisions_recognitions',
  },
  {
    up: migration_20261129_125057_write_rules_revocations.up,
    down: migration_20261129_125057_write_rules_revocations.down,
    name: '20261129_125057_write_rules_revocations',
  },
  {
    up: migration_20261129_193949_province_data.up,
    down: migration_20261129_193949_province_data.down,
    name: '20261129_193949_province_data',
  },
  {
    up: migration_20261129_194242_confirmation_label.up,
    down: migration_20261129_194242_confirmation_label.down,
    name: '20261129_194242_confirmation_label',
  },
  {
    up: migration_20261130_020037_document_templates.up,
    down: migration_20261130_020037_document_templates.down,
    name: '20261130_020037_document_templates',
  },
  {
    up: migration_20261130_031414_notifications_outbox_holidays.up,
    down: migration_20261130_031414_notifications_outbox_holidays.down,
    name: '20261130_031414_notifications_outbox_holidays',
  },
  {
    up: migration_20261130_052510_file_tasks.up,
    down: migration_20261130_052510_file_tasks.down,
    name: '20261130_052510_file_tasks',
  },
  {
    up: migration_20261130_062645_boundary_changes.up,
    down: migration_20261130_062645_boundary_changes.down,
    name: '20261130_062645_boundary_changes',
  },
  {
    up: migration_20261130_062753_national_indexes.up,
    down: migration_20261130_062753_national_indexes.down,
    name: '20261130_062753_national_indexes',
  },
  {
    up: migration_20261130_063239_file_tasks_imports.up,
    down: migration_20261130_063239_file_tasks_imports.down,
    name: '20261130_063239_file_tasks_imports',
  },
  {
    up: migration_20261130_063825_stateless_nodes.up,
    down: migration_20261130_063825_stateless_nodes.down,
    name: '20261130_063825_stateless_nodes',
  },
  {
    up: migration_20261130_083323_national_speed.up,
    down: migration_20261130_083323_national_speed.down,
    name: '20261130_083323_national_speed'
  },
];
