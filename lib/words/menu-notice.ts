// Why "Use as customer in MFA Desk" made no customer, as the popup and side panel say it.
import type { MenuNoticeCode } from '@/lib/model/desk/popup-snapshot';
import { t } from './t';

export const menuNoticeText = (code: MenuNoticeCode): string => t(code === 'desk-full' ? 'menuDeskFull' : 'menuNotACustomer');
