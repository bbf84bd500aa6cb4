import {
  ACTION_TYPE_LABELS,
  FUNDING_STATEMENTS,
  LINK_KIND_LABELS,
  MANAGEMENT_MODE_LABELS,
  ORGANISATION_LABELS,
  PRECISION_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from 'shared-types/enum-labels';

/**
 * The admin's dropdowns and list filters show an enumeration value through the translation whose
 * id is the value itself (Strapi 5.54: `formatMessage({ id: value })`). One id per value for every
 * enumeration, so a value two enumerations share gets one label: a neutral one, listed first.
 */
const SHARED_VALUES: Record<string, string> = { other: 'Altro', partner: 'Partner' };

export const ENUM_TRANSLATIONS: Record<string, string> = Object.assign(
  {},
  ...[
    ROLE_LABELS,
    ORGANISATION_LABELS,
    ACTION_TYPE_LABELS,
    MANAGEMENT_MODE_LABELS,
    FUNDING_STATEMENTS,
    LINK_KIND_LABELS,
    STATUS_LABELS,
    PRECISION_LABELS,
  ].map((labels) => Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, label.it]))),
  SHARED_VALUES,
);
