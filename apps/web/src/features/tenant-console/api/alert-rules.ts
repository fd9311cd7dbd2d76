import { createAlertRule, deleteAlertRule, listAlertRules, updateAlertRule, type AlertRuleDto, type CreateAlertRuleDto, type UpdateAlertRuleDto } from '@keel/api-client';
import { orgResource } from './org-resource';

export const alertRulesResource = orgResource<AlertRuleDto, CreateAlertRuleDto, UpdateAlertRuleDto>('alert-rules', {
  list: listAlertRules,
  create: createAlertRule,
  update: updateAlertRule,
  remove: deleteAlertRule,
});
