import type { Schema, Struct } from '@strapi/strapi';

export interface ActionSubAction extends Struct.ComponentSchema {
  collectionName: 'components_action_sub_action';
  info: {
    description: 'A sub-action of an action, lettered (a, b, c...) when the source letters it.';
    displayName: 'Sotto-azione';
  };
  attributes: {
    letter: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 3;
      }>;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

export interface ProjectPartnership extends Struct.ComponentSchema {
  collectionName: 'components_project_partnership';
  info: {
    description: "A partner's participation in a project, shared by both languages; only the note is translated.";
    displayName: 'Partecipazione';
  };
  attributes: {
    adminLabel: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    noteEn: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    partner: Schema.Attribute.Relation<'oneToOne', 'api::partner.partner'>;
    role: Schema.Attribute.Enumeration<
      [
        'lead',
        'coordinator',
        'partner',
        'associated_partner',
        'mentor',
        'implementing',
        'cluster_member',
        'other',
      ]
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'partner'>;
  };
}

export interface SharedAmount extends Struct.ComponentSchema {
  collectionName: 'components_shared_amount';
  info: {
    description: 'A labelled amount in euro.';
    displayName: 'Importo';
  };
  attributes: {
    amount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface SharedLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_link';
  info: {
    description: 'A link to a web page or a document, with an optional uploaded file.';
    displayName: 'Link o documento';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'>;
    kind: Schema.Attribute.Enumeration<
      ['website', 'document', 'news', 'video', 'social', 'other']
    > &
      Schema.Attribute.DefaultTo<'website'>;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface SharedPartialDate extends Struct.ComponentSchema {
  collectionName: 'components_shared_partial_date';
  info: {
    description: 'A date known to a given precision (day, month or year), possibly estimated.';
    displayName: 'Data (con precisione)';
  };
  attributes: {
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    estimated: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    precision: Schema.Attribute.Enumeration<['day', 'month', 'year']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'day'>;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seo';
  info: {
    description: 'Search engine and social sharing metadata.';
    displayName: 'SEO';
  };
  attributes: {
    metaDescription: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    shareImage: Schema.Attribute.Media<'images'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'action.sub-action': ActionSubAction;
      'project.partnership': ProjectPartnership;
      'shared.amount': SharedAmount;
      'shared.link': SharedLink;
      'shared.partial-date': SharedPartialDate;
      'shared.seo': SharedSeo;
    }
  }
}
