import { createBudget, deleteBudget, listBudgets, updateBudget, type BudgetDto, type CreateBudgetDto, type UpdateBudgetDto } from '@keel/api-client';
import { orgResource } from './org-resource';

export const budgetsResource = orgResource<BudgetDto, CreateBudgetDto, UpdateBudgetDto>('budgets', { list: listBudgets, create: createBudget, update: updateBudget, remove: deleteBudget });
