#!/usr/bin/env node
// Turns the FK 7800 spec (shared/specs/certificates/fk7800.json) into the native
// schema of each peer engine:
//   src/generated/rjsf.json      JSON Schema + uiSchema + extra rules (@rjsf/core 6)
//   src/generated/survey.json    SurveyJS JSON (survey-core 3)
//   src/generated/jsonforms.json JSON Schema + UI schema with SHOW rules (@jsonforms 3)
//   src/generated/targets.json   per-engine CSS selectors used by run.mjs
//   src/generated/fidelity.json  what each engine could / could not express
//
// The spec's free-text rules ("visibleWhen", "required") are mapped through the
// explicit tables below; the generator fails loudly when the spec has a rule that
// is not mapped, so a spec change cannot silently drop a rule.
//
// Usage: node gen/generate.mjs [--spec path/to/fk7800.json]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const argSpec = process.argv.indexOf('--spec');
const SPEC_PATH =
  argSpec > 0
    ? path.resolve(process.argv[argSpec + 1])
    : path.resolve(ROOT, 'spec/fk7800.json'); // a copy of shared/specs/certificates/fk7800.json (see SOURCE.md)
const OUT = path.join(ROOT, 'src/generated');

const spec = JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8'));

// ---------------------------------------------------------------------------
// 1. Explicit rule tables (checked against the spec text)
// ---------------------------------------------------------------------------

// Conditions use a tiny AST: {eq:[field,value]} | {checked:[group,option]} |
// {not: C} | {and:[C..]} | {or:[C..]}. Fields are names within the same category.
const VISIBLE_WHEN = {
  '1.3': {
    expect: /annatGrundForMU checked/,
    cond: { checked: ['grund', 'annatGrundForMU'] },
  },
  '1.4': {
    expect: /NOT undersokningAvPatienten AND \(journaluppgifter OR anhorigsBeskrivningAvPatienten OR annatGrundForMU\)/,
    cond: {
      and: [
        { not: { checked: ['grund', 'undersokningAvPatienten'] } },
        {
          or: [
            { checked: ['grund', 'journaluppgifter'] },
            { checked: ['grund', 'anhorigsBeskrivningAvPatienten'] },
            { checked: ['grund', 'annatGrundForMU'] },
          ],
        },
      ],
    },
  },
  '4': { expect: /3 = Ja/, cond: { eq: ['underlagFinns', true] } },
  '45.2': { expect: /45 = Ja/, cond: { eq: ['nyBedomningDiagnosgrund', true] } },
  '26.2': { expect: /26 checked/, cond: { eq: ['kontaktMedFk', true] } },
};

// How the spec's "required" text maps to a rule.
function requiredRule(q) {
  const r = (q.required || '').toLowerCase();
  if (q.type === 'header') return 'none';
  if (r.startsWith('always')) return 'always';
  if (r.startsWith('yes when')) return 'whenVisible';
  if (r.startsWith('no')) return 'optional';
  if (r.startsWith('at least one of')) return 'categoryAtLeastOne';
  throw new Error(`unmapped required rule for ${q.id}: ${q.required}`);
}

// Row columns of the two fixed 3-row tables (from the spec's otherRules text).
const TABLES = {
  medicalInvestigationList: {
    rows: 3,
    columns: (q) => [
      { name: 'typ', label: 'Utredning eller underlag', kind: 'select', options: q.options.map((o) => ({ value: o.code, label: o.label })) },
      { name: 'datum', label: 'Datum', kind: 'date', notFuture: true },
      {
        name: 'hamtasFran',
        label: 'Från vilken vårdgivare',
        kind: 'text',
        description:
          'Skriv från vilken vårdgivare Försäkringskassan kan hämta information om utredningen/underlaget, exempelvis Neuropsykiatriska kliniken på X-stads sjukhus eller om patienten själv kommer att bifoga utredningen till sin ansökan.',
      },
    ],
  },
  diagnoses: {
    rows: 3,
    columns: () => [
      { name: 'kod', label: 'Diagnoskod enligt ICD-10 SE', kind: 'text', minLength: 3, maxLength: 5 },
      { name: 'beskrivning', label: 'Diagnos', kind: 'text', maxLength: 81 },
    ],
  },
};

// Which field the benchmark types into, and which show/hide pair it toggles.
const TYPE_TARGET = { questionId: '5' }; // "Bakgrund - beskriv kortfattat förloppet ..." (textArea, 3500)
const TOGGLE = { questionId: '3', dependentId: '4' }; // 3 = Ja shows the 3-row investigation table

// ---------------------------------------------------------------------------
// 2. Normalise the spec into one engine-neutral model
// ---------------------------------------------------------------------------

function fieldName(q) {
  if (q.type === 'header') return `rubrik${q.id.replace('.', '_')}`;
  if (q.type === 'checkboxDateGroup') return 'grund';
  if (!q.jsonId || !/^[A-Za-z][A-Za-z0-9]*$/.test(q.jsonId)) throw new Error(`no usable jsonId for ${q.id}`);
  return q.jsonId;
}

function normaliseQuestion(q) {
  const base = {
    id: q.id,
    name: fieldName(q),
    label: q.label,
    description: q.description || undefined,
    required: requiredRule(q),
    visibleWhen: null,
  };
  if (q.visibleWhen) {
    const m = VISIBLE_WHEN[q.id];
    if (!m) throw new Error(`unmapped visibleWhen for ${q.id}: ${q.visibleWhen}`);
    if (!m.expect.test(q.visibleWhen)) throw new Error(`visibleWhen text for ${q.id} changed: ${q.visibleWhen}`);
    base.visibleWhen = m.cond;
  }
  if (base.required === 'whenVisible' && !base.visibleWhen) throw new Error(`${q.id} is required 'when' but has no rule`);
  switch (q.type) {
    case 'checkboxDateGroup':
      return {
        ...base,
        kind: 'checkboxDateGroup',
        required: 'atLeastOne',
        options: q.options.map((o) => ({ name: o.id, code: o.code, label: o.label })),
      };
    case 'textField':
      return { ...base, kind: 'text', multiline: false, maxLength: q.maxLength };
    case 'textArea':
    case 'textAreaAccordion':
      return { ...base, kind: 'text', multiline: true, maxLength: q.maxLength, accordion: q.type === 'textAreaAccordion' };
    case 'date':
      return { ...base, kind: 'date', notFuture: /not in the future/.test(q.dateRules || '') };
    case 'radioBoolean':
      return { ...base, kind: 'yesNo', options: q.options.map((o) => ({ value: o.id === 'true', label: o.label })) };
    case 'checkboxBoolean': {
      const m = /Checkbox label: (.*)$/.exec(q.otherRules || '');
      return { ...base, kind: 'checkbox', checkboxLabel: m ? m[1] : q.label };
    }
    case 'medicalInvestigationList':
    case 'diagnoses': {
      const t = TABLES[q.type];
      return { ...base, kind: 'table', rows: t.rows, columns: t.columns(q), firstRowRequired: base.required !== 'optional' };
    }
    case 'header':
      return { ...base, kind: 'header', children: [] };
    default:
      throw new Error(`unknown question type ${q.type} (${q.id})`);
  }
}

function normalise(spec) {
  const categories = spec.categories.map((c) => {
    const items = [];
    let header = null;
    for (const q of c.questions) {
      const n = normaliseQuestion(q);
      if (n.kind === 'header') {
        header = n;
        items.push(n);
      } else if (header && q.id.startsWith(header.id + '.')) {
        header.children.push(n);
      } else {
        header = null;
        items.push(n);
      }
    }
    const flat = items.flatMap((i) => (i.kind === 'header' ? i.children : [i]));
    const atLeastOne = flat.filter((i) => i.required === 'categoryAtLeastOne').map((i) => i.name);
    return {
      id: c.id,
      title: c.title,
      description: c.description || undefined,
      items,
      flat,
      atLeastOne: atLeastOne.length ? { fields: atLeastOne, message: 'Beskriv minst en funktionsnedsättning.' } : null,
    };
  });
  // every condition must refer to fields of its own category
  for (const c of categories) {
    const names = new Set(c.flat.map((i) => i.name));
    const walk = (cond) => {
      if (cond.eq) return assertName(cond.eq[0]);
      if (cond.checked) return assertName(cond.checked[0]);
      if (cond.not) return walk(cond.not);
      (cond.and || cond.or).forEach(walk);
    };
    const assertName = (n) => {
      if (!names.has(n)) throw new Error(`condition in ${c.id} refers to ${n} outside the category`);
    };
    c.flat.filter((i) => i.visibleWhen).forEach((i) => walk(i.visibleWhen));
  }
  return { code: spec.code, formNumber: spec.formNumber, title: `${spec.name} (${spec.formNumber})`, categories };
}

const model = normalise(spec);
const allItems = model.categories.flatMap((c) => c.flat.map((i) => ({ ...i, category: c.id })));
const byId = Object.fromEntries(allItems.map((i) => [i.id, i]));
const typeItem = byId[TYPE_TARGET.questionId];
const toggleItem = byId[TOGGLE.questionId];
const dependentItem = byId[TOGGLE.dependentId];
if (!typeItem || typeItem.kind !== 'text' || !typeItem.multiline) throw new Error('type target must be a text area');
if (!toggleItem || toggleItem.kind !== 'yesNo') throw new Error('toggle must be a yes/no question');
if (!dependentItem || !dependentItem.visibleWhen || dependentItem.visibleWhen.eq?.[0] !== toggleItem.name) throw new Error('dependent must be shown by the toggle');

const counts = {
  categories: model.categories.length,
  questions: spec.categories.reduce((n, c) => n + c.questions.length, 0),
  conditional: allItems.filter((i) => i.visibleWhen).length,
};

// ---------------------------------------------------------------------------
// 3. react-jsonschema-form (JSON Schema draft-07 + uiSchema)
// ---------------------------------------------------------------------------

function rjsfCondSchema(cond) {
  // a JSON Schema that is valid for the category object when `cond` holds
  if (cond.eq) return { properties: { [cond.eq[0]]: { const: cond.eq[1] } }, required: [cond.eq[0]] };
  if (cond.checked) {
    const [g, o] = cond.checked;
    return { properties: { [g]: { properties: { [o]: { const: true } }, required: [o] } }, required: [g] };
  }
  if (cond.not) return { not: rjsfCondSchema(cond.not) };
  if (cond.and) return { allOf: cond.and.map(rjsfCondSchema) };
  if (cond.or) return { anyOf: cond.or.map(rjsfCondSchema) };
  throw new Error('bad cond');
}

function rjsfField(item, ui) {
  switch (item.kind) {
    case 'text': {
      const s = { type: 'string', title: item.label };
      if (item.description) s.description = item.description;
      if (item.maxLength) s.maxLength = item.maxLength;
      if (item.multiline) ui['ui:widget'] = 'textarea';
      if (item.maxLength) ui['ui:options'] = { ...(ui['ui:options'] || {}), maxLength: item.maxLength };
      return s;
    }
    case 'date':
      return { type: 'string', format: 'date', title: item.label };
    case 'yesNo': {
      ui['ui:widget'] = 'radio';
      ui['ui:options'] = { inline: true };
      const s = { type: 'boolean', title: item.label, oneOf: item.options.map((o) => ({ const: o.value, title: o.label })) };
      if (item.description) s.description = item.description;
      return s;
    }
    case 'checkbox': {
      const s = { type: 'boolean', title: item.checkboxLabel };
      if (item.description) s.description = item.description;
      return s;
    }
    case 'checkboxDateGroup': {
      const properties = {};
      const order = [];
      const allOf = [];
      for (const o of item.options) {
        properties[o.name] = { type: 'boolean', title: o.label };
        properties[o.name + 'Datum'] = { type: 'string', format: 'date', title: 'Datum' };
        order.push(o.name, o.name + 'Datum');
        // the date is required when its box is ticked
        allOf.push({ if: { properties: { [o.name]: { const: true } }, required: [o.name] }, then: { required: [o.name + 'Datum'] } });
      }
      ui['ui:order'] = order;
      return { type: 'object', title: item.label, properties, allOf };
    }
    case 'table': {
      const properties = {};
      for (const c of item.columns) {
        if (c.kind === 'select') properties[c.name] = { type: 'string', title: c.label, oneOf: c.options.map((o) => ({ const: o.value, title: o.label })) };
        else if (c.kind === 'date') properties[c.name] = { type: 'string', format: 'date', title: c.label };
        else {
          properties[c.name] = { type: 'string', title: c.label };
          if (c.maxLength) properties[c.name].maxLength = c.maxLength;
          if (c.minLength) properties[c.name].minLength = c.minLength;
          if (c.description) properties[c.name].description = c.description;
        }
      }
      // 3 fixed rows (minItems = maxItems, no add/remove). "Row 1 complete" goes to
      // customValidate: a tuple (items: [...]) could say it in JSON Schema, but rjsf 6
      // drops tuple data when a dependency adds the array (sanitizeDataForNewSchema),
      // so the rows would not render after 3 = Ja.
      ui['ui:options'] = { orderable: false, removable: false, addable: false };
      return { type: 'array', title: item.label, minItems: item.rows, maxItems: item.rows, items: { type: 'object', title: '', properties } };
    }
    default:
      throw new Error(item.kind);
  }
}

function toRjsf() {
  const properties = {};
  const uiSchema = { 'ui:submitButtonOptions': { submitText: 'Validera' } };
  const rules = { atLeastOne: [], notFuture: [], firstRowComplete: [] };
  for (const c of model.categories) {
    const cp = {};
    const cui = {};
    const required = [];
    const order = [];
    const allOf = [];
    const dependencies = {};
    const addItem = (item, target, targetUi, targetRequired, targetOrder, prefix = [c.id]) => {
      const ui = {};
      const s = rjsfField(item, ui);
      if (Object.keys(ui).length) targetUi[item.name] = ui;
      targetOrder.push(item.name);
      if (item.kind === 'date' && item.notFuture) rules.notFuture.push([...prefix, item.name]);
      if (item.kind === 'table') {
        if (item.firstRowRequired) rules.firstRowComplete.push({ path: [...prefix, item.name], fields: item.columns.map((col) => col.name), message: 'Ange ett svar.' });
        item.columns.filter((col) => col.kind === 'date' && col.notFuture).forEach((col) => rules.notFuture.push([...prefix, item.name, '*', col.name]));
      }
      if (item.kind === 'checkboxDateGroup') {
        rules.atLeastOne.push({ path: [...prefix, item.name], fields: item.options.map((o) => o.name), message: 'Välj minst ett alternativ.' });
        item.options.forEach((o) => rules.notFuture.push([...prefix, item.name, o.name + 'Datum']));
      }
      if (item.visibleWhen) {
        const req = item.required === 'whenVisible' || item.required === 'always' ? [item.name] : [];
        if (item.visibleWhen.eq) {
          // rjsf "schema dependencies" (oneOf on the controlling radio/checkbox)
          const [ctl, val] = item.visibleWhen.eq;
          const dep = (dependencies[ctl] ||= { oneOf: [] });
          let branch = dep.oneOf.find((b) => b.properties[ctl].const === val);
          if (!branch) {
            branch = { properties: { [ctl]: { const: val } } };
            dep.oneOf.push(branch);
            const other = dep.oneOf.find((b) => b.properties[ctl].const === !val);
            if (!other) dep.oneOf.push({ properties: { [ctl]: { const: !val } } });
          }
          branch.properties[item.name] = s;
          if (req.length) branch.required = [...(branch.required || []), ...req];
        } else {
          // if/then for conditions on the checkbox group
          const then = { properties: { [item.name]: s } };
          if (req.length) then.required = req;
          allOf.push({ if: rjsfCondSchema(item.visibleWhen), then });
        }
      } else {
        target[item.name] = s;
        if (item.required === 'always') targetRequired.push(item.name);
      }
    };
    for (const item of c.items) {
      if (item.kind === 'header') {
        const hp = {};
        const hui = {};
        const hreq = [];
        const horder = [];
        item.children.forEach((ch) => addItem(ch, hp, hui, hreq, horder, [c.id, item.name]));
        hui['ui:order'] = horder;
        cp[item.name] = { type: 'object', title: item.label, properties: hp };
        if (item.description) cp[item.name].description = item.description;
        if (hreq.length) cp[item.name].required = hreq;
        cui[item.name] = hui;
        order.push(item.name);
      } else addItem(item, cp, cui, required, order);
    }
    if (c.atLeastOne) rules.atLeastOne.push({ path: [c.id], fields: c.atLeastOne.fields, message: c.atLeastOne.message });
    cui['ui:order'] = [...order, '*'];
    const cs = { type: 'object', title: c.title, properties: cp };
    if (c.description) cs.description = c.description;
    if (required.length) cs.required = required;
    if (allOf.length) cs.allOf = allOf;
    if (Object.keys(dependencies).length) cs.dependencies = dependencies;
    properties[c.id] = cs;
    uiSchema[c.id] = cui;
  }
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title: model.title, properties, required: model.categories.map((c) => c.id) };
  return { schema, uiSchema, rules };
}

// ---------------------------------------------------------------------------
// 4. SurveyJS (visibleIf / requiredIf expressions)
// ---------------------------------------------------------------------------

function surveyExpr(cond) {
  if (cond.eq) return `{${cond.eq[0]}} = ${JSON.stringify(cond.eq[1])}`;
  if (cond.checked) return `{${cond.checked[1]}} = true`;
  if (cond.not) {
    if (cond.not.checked) return `{${cond.not.checked[1]}} != true`;
    return `!(${surveyExpr(cond.not)})`;
  }
  if (cond.and) return cond.and.map((c) => `(${surveyExpr(c)})`).join(' and ');
  if (cond.or) return cond.or.map((c) => `(${surveyExpr(c)})`).join(' or ');
  throw new Error('bad cond');
}

function surveyElement(item) {
  const common = { name: item.name, title: item.label };
  if (item.description) common.description = item.description;
  if (item.visibleWhen) common.visibleIf = surveyExpr(item.visibleWhen);
  if (item.required === 'always' || item.required === 'whenVisible') common.isRequired = true; // hidden questions are not validated
  switch (item.kind) {
    case 'text':
      return { type: item.multiline ? 'comment' : 'text', ...common, ...(item.maxLength ? { maxLength: item.maxLength } : {}) };
    case 'date':
      return { type: 'text', inputType: 'date', ...common, ...(item.notFuture ? { maxValueExpression: 'today()' } : {}) };
    case 'yesNo':
      return {
        type: 'boolean',
        renderAs: 'radio',
        ...common,
        labelTrue: item.options.find((o) => o.value === true).label,
        labelFalse: item.options.find((o) => o.value === false).label,
        swapOrder: true, // Ja first, as in Webcert
      };
    case 'checkbox':
      return { type: 'boolean', renderAs: 'checkbox', ...common, title: item.checkboxLabel };
    case 'checkboxDateGroup':
      // "at least one option": SurveyJS panels with isRequired need at least one answered question
      return {
        type: 'panel',
        name: item.name,
        title: item.label,
        isRequired: true,
        requiredErrorText: 'Välj minst ett alternativ.',
        elements: item.options.flatMap((o) => [
          { type: 'boolean', renderAs: 'checkbox', name: o.name, title: o.label },
          {
            type: 'text',
            inputType: 'date',
            name: o.name + 'Datum',
            title: 'Datum',
            startWithNewLine: false,
            requiredIf: `{${o.name}} = true`,
            maxValueExpression: 'today()',
          },
        ]),
      };
    case 'table':
      return {
        type: 'matrixdynamic',
        ...common,
        rowCount: item.rows,
        minRowCount: item.rows,
        maxRowCount: item.rows,
        allowAddRows: false,
        allowRemoveRows: false,
        columns: item.columns.map((c) => {
          const col = { name: c.name, title: c.label };
          if (item.firstRowRequired) col.requiredIf = '{rowIndex} = 1';
          if (c.kind === 'select') Object.assign(col, { cellType: 'dropdown', choices: c.options.map((o) => ({ value: o.value, text: o.label })) });
          else if (c.kind === 'date') Object.assign(col, { cellType: 'text', inputType: 'date', maxValueExpression: 'today()' });
          else Object.assign(col, { cellType: 'text', ...(c.maxLength ? { maxLength: c.maxLength } : {}) });
          return col;
        }),
      };
    default:
      throw new Error(item.kind);
  }
}

function toSurvey() {
  const elements = model.categories.map((c) => {
    const panel = {
      type: 'panel',
      name: c.id,
      title: c.title,
      elements: c.items.map((item) =>
        item.kind === 'header'
          ? { type: 'panel', name: item.name, title: item.label, ...(item.description ? { description: item.description } : {}), elements: item.children.map(surveyElement) }
          : surveyElement(item),
      ),
    };
    if (c.description) panel.description = c.description;
    if (c.atLeastOne) {
      // all of 8-14 live alone in this panel: a required panel needs at least one answer
      const names = new Set(c.flat.map((i) => i.name));
      if (c.atLeastOne.fields.length !== names.size) throw new Error('atLeastOne panel must contain only the OR group');
      Object.assign(panel, { isRequired: true, requiredErrorText: c.atLeastOne.message });
    }
    return panel;
  });
  return {
    title: model.title,
    showQuestionNumbers: 'off',
    textUpdateMode: 'onTyping', // update the model per keystroke, like the controlled React engines
    pages: [{ name: 'fk7800', elements }],
  };
}

// ---------------------------------------------------------------------------
// 5. JSON Forms (JSON Schema + UI schema with SHOW rules)
// ---------------------------------------------------------------------------

function toJsonForms() {
  const properties = {};
  const layout = [];
  const data = {};
  const scopeOf = (...parts) => '#/properties/' + parts.join('/properties/');
  for (const c of model.categories) {
    const cp = {};
    const required = [];
    const allOf = [];
    const groupEls = [];
    if (c.description) groupEls.push({ type: 'Label', text: c.description });
    const showRule = (item) => {
      const cond = item.visibleWhen;
      // failWhenUndefined: an unanswered control must not satisfy the condition
      if (cond.eq) return { effect: 'SHOW', condition: { scope: scopeOf(c.id, cond.eq[0]), schema: { const: cond.eq[1] }, failWhenUndefined: true } };
      // conditions on the checkbox group: one schema condition on the group object
      const strip = (k) => {
        if (k.checked) return { properties: { [k.checked[1]]: { const: true } }, required: [k.checked[1]] };
        if (k.not) return { not: strip(k.not) };
        if (k.and) return { allOf: k.and.map(strip) };
        if (k.or) return { anyOf: k.or.map(strip) };
        throw new Error('mixed condition');
      };
      return { effect: 'SHOW', condition: { scope: scopeOf(c.id, 'grund'), schema: strip(cond), failWhenUndefined: true } };
    };
    const addItem = (item, parentProps, parentPath, els, parentRequired) => {
      const scope = scopeOf(...parentPath, item.name);
      let s;
      let el;
      switch (item.kind) {
        case 'text':
          s = { type: 'string', ...(item.maxLength ? { maxLength: item.maxLength } : {}) };
          el = { type: 'Control', scope, label: item.label, ...(item.multiline ? { options: { multi: true } } : {}) };
          break;
        case 'date':
          s = { type: 'string', format: 'date' };
          el = { type: 'Control', scope, label: item.label };
          break;
        case 'yesNo':
          s = { oneOf: item.options.map((o) => ({ const: o.value, title: o.label })) };
          el = { type: 'Control', scope, label: item.label, options: { format: 'radio' } };
          break;
        case 'checkbox':
          s = { type: 'boolean' };
          el = { type: 'Control', scope, label: item.checkboxLabel };
          break;
        case 'checkboxDateGroup': {
          const gp = {};
          const gEls = [];
          const anyOf = [];
          const gAllOf = [];
          for (const o of item.options) {
            gp[o.name] = { type: 'boolean' };
            gp[o.name + 'Datum'] = { type: 'string', format: 'date' };
            anyOf.push({ properties: { [o.name]: { const: true } }, required: [o.name] });
            gAllOf.push({ if: { properties: { [o.name]: { const: true } }, required: [o.name] }, then: { required: [o.name + 'Datum'] } });
            gEls.push({
              type: 'HorizontalLayout',
              elements: [
                { type: 'Control', scope: scopeOf(...parentPath, item.name, o.name), label: o.label },
                { type: 'Control', scope: scopeOf(...parentPath, item.name, o.name + 'Datum'), label: 'Datum' },
              ],
            });
          }
          s = { type: 'object', properties: gp, anyOf, allOf: gAllOf };
          el = { type: 'Group', label: item.label, elements: gEls };
          parentRequired.push(item.name);
          break;
        }
        case 'table': {
          const rowProps = {};
          for (const col of item.columns) {
            if (col.kind === 'select') rowProps[col.name] = { type: 'string', title: col.label, oneOf: col.options.map((o) => ({ const: o.value, title: o.label })) };
            else if (col.kind === 'date') rowProps[col.name] = { type: 'string', title: col.label, format: 'date' };
            else rowProps[col.name] = { type: 'string', title: col.label, ...(col.maxLength ? { maxLength: col.maxLength } : {}) };
          }
          s = { type: 'array', maxItems: item.rows, items: { type: 'object', properties: rowProps } };
          el = { type: 'Control', scope, label: item.label };
          data[c.id] ||= {};
          data[c.id][item.name] = Array.from({ length: item.rows }, () => ({}));
          if (item.firstRowRequired) {
            // validation-only tuple: row 1 must be complete (rendering uses the object `items`)
            const firstRow = { properties: { [item.name]: { items: [{ required: item.columns.map((col) => col.name) }] } }, required: [item.name] };
            if (item.visibleWhen) allOf.push({ if: { properties: { [item.visibleWhen.eq[0]]: { const: item.visibleWhen.eq[1] } }, required: [item.visibleWhen.eq[0]] }, then: firstRow });
            else allOf.push(firstRow);
          }
          break;
        }
        default:
          throw new Error(item.kind);
      }
      if (item.description && item.kind !== 'checkboxDateGroup') s.description = item.description;
      parentProps[item.name] = s;
      if (item.visibleWhen) el.rule = showRule(item);
      if (item.required === 'always' && item.kind !== 'checkboxDateGroup' && item.kind !== 'table') parentRequired.push(item.name);
      if (item.required === 'always' && item.kind === 'table' && !item.firstRowRequired) parentRequired.push(item.name);
      if (item.required === 'whenVisible' && item.kind !== 'table') {
        const cond = item.visibleWhen;
        const ifs = cond.eq
          ? { properties: { [cond.eq[0]]: { const: cond.eq[1] } }, required: [cond.eq[0]] }
          : { properties: { grund: showRule(item).condition.schema }, required: ['grund'] };
        allOf.push({ if: ifs, then: { required: [item.name] } });
      }
      els.push(el);
    };
    for (const item of c.items) {
      if (item.kind === 'header') {
        const hp = {};
        const hreq = [];
        const hEls = [];
        if (item.description) hEls.push({ type: 'Label', text: item.description });
        item.children.forEach((ch) => addItem(ch, hp, [c.id, item.name], hEls, hreq));
        cp[item.name] = { type: 'object', properties: hp, ...(hreq.length ? { required: hreq } : {}) };
        groupEls.push({ type: 'Group', label: item.label, elements: hEls });
      } else addItem(item, cp, [c.id], groupEls, required);
    }
    const cs = { type: 'object', properties: cp };
    if (required.length) cs.required = required;
    if (c.atLeastOne) cs.anyOf = c.atLeastOne.fields.map((f) => ({ properties: { [f]: { minLength: 1 } }, required: [f] }));
    if (allOf.length) cs.allOf = allOf;
    properties[c.id] = cs;
    layout.push({ type: 'Group', label: c.title, elements: groupEls });
  }
  for (const c of model.categories) data[c.id] ||= {};
  return {
    schema: { type: 'object', properties, required: model.categories.map((c) => c.id) },
    uischema: { type: 'VerticalLayout', elements: layout },
    data,
  };
}

// ---------------------------------------------------------------------------
// 6. Selectors the driver uses per engine (verified against the rendered DOM)
// ---------------------------------------------------------------------------

// Click sequences that check every show/hide rule in every engine (run.mjs runs
// them before benchmarking): after each step, `visible` / `hidden` name questions
// whose dependent field must be shown / not shown.
function ruleChecks() {
  const item = (name) => allItems.find((i) => i.name === name);
  const optionCat = (opt) => allItems.find((i) => i.kind === 'checkboxDateGroup' && i.options.some((o) => o.name === opt));
  const depName = (i) => (i.kind === 'table' ? `${i.name}_0_${i.columns[0].name}` : i.name);
  const conditional = allItems.filter((i) => i.visibleWhen);
  const sel = {
    rjsf: {
      yes: (i, v) => `#root_${i.category}_${i.name}-${v ? 0 : 1}`,
      checkbox: (i) => `#root_${i.category}_${i.name}`,
      option: (g, o) => `#root_${g.category}_${g.name}_${o}`,
      dependent: (i) => `#root_${i.category}_${depName(i)}`,
    },
    survey: {
      yes: (i, v) => `[data-name="${i.name}"] label:has(input[type=radio][value="${v}"])`,
      checkbox: (i) => `[data-name="${i.name}"] label`,
      option: (g, o) => `[data-name="${o}"] label`,
      dependent: (i) => `[data-name="${i.name}"] ${i.kind === 'table' ? 'table' : i.multiline ? 'textarea' : 'input'}`,
    },
    jsonforms: {
      yes: (i, v) => `input[type=radio][name="#/properties/${i.category}/properties/${i.name}"][value="${v}"]`,
      checkbox: (i) => `[id="#/properties/${i.category}/properties/${i.name}-input"]`,
      option: (g, o) => `[id="#/properties/${g.category}/properties/${g.name}/properties/${o}-input"]`,
      dependent: (i) =>
        i.kind === 'table' ? `.root_properties_${i.category}_properties_${i.name} table` : `[id="#/properties/${i.category}/properties/${i.name}-input"]`,
    },
  };
  // steps: [control kind, name/option, value]; expectations by question id
  const steps = [
    { click: ['initial'], hidden: conditional.map((i) => i.id) },
    { click: ['yes', 'underlagFinns', true], visible: ['4'] },
    { click: ['yes', 'underlagFinns', false], hidden: ['4'] },
    { click: ['yes', 'nyBedomningDiagnosgrund', true], visible: ['45.2'] },
    { click: ['yes', 'nyBedomningDiagnosgrund', false], hidden: ['45.2'] },
    { click: ['checkbox', 'kontaktMedFk'], visible: ['26.2'] },
    { click: ['checkbox', 'kontaktMedFk'], hidden: ['26.2'] },
    { click: ['option', 'annatGrundForMU'], visible: ['1.3', '1.4'] },
    { click: ['option', 'undersokningAvPatienten'], visible: ['1.3'], hidden: ['1.4'] },
    { click: ['option', 'undersokningAvPatienten'], visible: ['1.3', '1.4'] },
    { click: ['option', 'annatGrundForMU'], hidden: ['1.3', '1.4'] },
    { click: ['option', 'journaluppgifter'], visible: ['1.4'], hidden: ['1.3'] },
  ];
  const out = {};
  for (const [engine, S] of Object.entries(sel)) {
    out[engine] = steps.map((st) => {
      const [kind, name, v] = st.click;
      const click =
        kind === 'initial' ? null : kind === 'yes' ? S.yes(item(name), v) : kind === 'checkbox' ? S.checkbox(item(name)) : S.option(optionCat(name), name);
      const deps = (ids = []) => ids.map((id) => ({ question: id, selector: S.dependent(byId[id]) }));
      return { step: `${kind} ${name ?? ''}${v === undefined ? '' : ' = ' + v}`.trim(), click, visible: deps(st.visible), hidden: deps(st.hidden) };
    });
  }
  return out;
}

function targets() {
  const lastCat = model.categories[model.categories.length - 1];
  const t = typeItem;
  const cat = (i) => i.category;
  return {
    rjsf: {
      page: 'rjsf.html',
      ready: [
        ...model.categories.map((c) => ({ selector: `#root_${c.id}` })),
        { selector: `#root_${lastCat.id}_${lastCat.flat[0].name}` },
      ],
      typeInto: `#root_${cat(t)}_${t.name}`,
      // oneOf order is [Ja, Nej]
      toggle: { on: `#root_${cat(toggleItem)}_${toggleItem.name}-0`, off: `#root_${cat(toggleItem)}_${toggleItem.name}-1` },
      dependent: `#root_${cat(dependentItem)}_${dependentItem.name}_0_typ`,
    },
    survey: {
      page: 'survey.html',
      ready: [
        // top-level panels (categories) have a frame, nested ones do not
        { selector: '.sd-panel.sd-panel--with-frame', min: model.categories.length },
        { selector: `[data-name="${lastCat.flat[0].name}"] input` },
      ],
      typeInto: `[data-name="${t.name}"] textarea`,
      // the radio inputs are visually hidden: click their labels
      toggle: {
        on: `[data-name="${toggleItem.name}"] label:has(input[type=radio][value="true"])`,
        off: `[data-name="${toggleItem.name}"] label:has(input[type=radio][value="false"])`,
      },
      dependent: `[data-name="${dependentItem.name}"] table`,
    },
    jsonforms: {
      page: 'jsonforms.html',
      ready: [
        { selector: '#root > .vertical-layout > .vertical-layout-item > fieldset.group-layout', min: model.categories.length },
        { selector: `[id="#/properties/${lastCat.id}/properties/${lastCat.flat[0].name}-input"]` },
      ],
      typeInto: `[id="#/properties/${cat(t)}/properties/${t.name}-input"]`,
      // vanilla radio labels have no for= attribute: click the inputs
      toggle: {
        on: `input[type=radio][name="#/properties/${cat(toggleItem)}/properties/${toggleItem.name}"][value="true"]`,
        off: `input[type=radio][name="#/properties/${cat(toggleItem)}/properties/${toggleItem.name}"][value="false"]`,
      },
      dependent: `.root_properties_${cat(dependentItem)}_properties_${dependentItem.name} table`,
    },
    ruleChecks: ruleChecks(),
    meta: {
      typeIntoLabel: t.label,
      typeIntoQuestion: t.id,
      toggleQuestion: toggleItem.id,
      toggleLabel: toggleItem.label,
      dependentQuestion: dependentItem.id,
      dependentLabel: dependentItem.label,
    },
  };
}

// ---------------------------------------------------------------------------
// 7. Fidelity notes (what could not be expressed natively)
// ---------------------------------------------------------------------------

const fidelity = {
  common: [
    'All 33 spec entries are rendered (5 headers as titled sub-groups, 28 fields), in 9 categories.',
    'Accordion text areas (8-14) are rendered open (no "Visa fritextfältet" toggle) in every engine.',
    'Group 1 is 4 checkbox + date pairs (date always visible). Question 2 "not later than the dates in 1" and the "must be empty when hidden" rules are not modelled in any engine.',
    'Diagnosis code lookup/typeahead (ICD-10-SE) is not modelled; 6 is a plain 3-row table (code 3-5 chars, text max 81).',
    'Validation runs with each engine\'s default timing: rjsf on submit, SurveyJS on complete, JSON Forms on every change (ValidateAndShow).',
  ],
  rjsf: [
    'Show/hide of 4, 45.2, 26.2: JSON Schema "dependencies" (oneOf on the controlling field); 1.3 and 1.4: allOf if/then on the group.',
    'Conditional required: inside the same dependency/then branch. Date required when its box is ticked: if/then.',
    'At least one of 1 and at least one of 8-14, dates not in the future: customValidate (no UI-neutral JSON Schema form: anyOf would render an option picker).',
    'Tables: 3 fixed rows (minItems = maxItems = 3, no add/remove); "row 1 complete" in customValidate (a JSON Schema tuple loses its rows when the dependency adds the array: rjsf 6 sanitizeDataForNewSchema).',
  ],
  survey: [
    'Show/hide: visibleIf expressions; required: isRequired (hidden questions are not validated) and requiredIf for dates in 1 and {rowIndex} = 1 in tables.',
    'At least one of 1 / 8-14: panel isRequired (at least one nested question answered; in 1 a date alone also counts).',
    'Dates not in the future: maxValueExpression today(). Tables: matrixdynamic with 3 fixed rows.',
    'textUpdateMode onTyping (default onBlur would update the model only on blur).',
  ],
  jsonforms: [
    'Show/hide: UI schema SHOW rules (schema conditions; 1.4 is one schema condition on the group object).',
    'Conditional required and row-1-complete: allOf if/then in the JSON Schema (validation only). At least one of 1 / 8-14: anyOf (validated, but vanilla renderers show no message for it).',
    'Dates not in the future: not expressed (would need a custom AJV keyword). Text areas get no maxlength attribute from vanilla renderers (AJV reports maxLength).',
    'Tables: array table renderer with 3 initial rows (add/remove buttons stay, max 3 by maxItems).',
  ],
};

// ---------------------------------------------------------------------------
fs.mkdirSync(OUT, { recursive: true });
const write = (name, obj) => fs.writeFileSync(path.join(OUT, name), JSON.stringify(obj, null, 2) + '\n');
write('rjsf.json', toRjsf());
write('survey.json', toSurvey());
write('jsonforms.json', toJsonForms());
write('targets.json', targets());
write('fidelity.json', { counts, ...fidelity });
console.log(
  `generated rjsf/survey/jsonforms from ${path.relative(process.cwd(), SPEC_PATH)}: ${counts.categories} categories, ${counts.questions} questions, ${counts.conditional} show/hide rules`,
);
