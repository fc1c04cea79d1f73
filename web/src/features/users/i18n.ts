import { defineTexts } from '../../i18n/index.ts';

const zh = {
  list: {
    title: '账号管理',
    subTitleAll: '平台上的全部账号',
    subTitleOrg: '在 {{org}} 有身份的账号',
    searchPlaceholder: '用户名或姓名',
  },
  fields: {
    username: '用户名',
    displayName: '姓名',
    memberships: '单位 · 角色',
    status: '状态',
    createdAt: '创建时间',
    password: '初始密码',
  },
  status: {
    normal: '正常',
    locked: '锁定至 {{time}}',
    disabled: '已停用',
  },
  create: {
    button: '新建账号',
    title: '新建账号',
    usernameHint: '3–64 位，小写字母、数字或 . _ -，以字母或数字开头；登录时使用',
    passwordHint: '请通过安全渠道告知本人，并提醒首次登录后修改。',
    memberships: '身份（单位 · 角色）',
    addMembership: '再添加一个身份',
    removeMembership: '删除此身份',
    organisationPlaceholder: '选择单位',
    rolePlaceholder: '选择角色',
    chooseOrganisationFirst: '请先选择单位',
    done: '已创建账号 {{username}}',
  },
  grant: {
    button: '添加身份',
    title: '为 {{user}} 添加身份',
    done: '已为 {{user}} 添加身份',
  },
  revoke: {
    tooltip: '撤销此身份',
    title: '撤销身份？',
    body: '将撤销 {{user}} 在“{{org}}”的“{{role}}”身份。通过该身份登录的会话将在下一次操作时结束。此操作会记入审计日志。',
    ok: '撤销',
    done: '已撤销',
    current: '这是您当前使用的身份，不能撤销',
  },
  unlock: {
    button: '解除锁定',
    done: '已解除 {{user}} 的锁定',
  },
  noMemberships: '无身份',
  codes: {
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: '该类型的单位没有此角色',
    CONFLICT: '该账号在此单位已有此角色',
  },
  issues: {
    INVALID_FORMAT: '格式不正确',
    INVALID_TYPE: '必填',
    INVALID_VALUE: '必填',
    TOO_SMALL: '必填',
    TOO_BIG: '内容过长',
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: '该类型的单位没有此角色',
    DUPLICATE_USERNAME: '用户名已被占用',
  },
};

const en: typeof zh = {
  list: {
    title: 'Accounts',
    subTitleAll: 'Every account on the platform',
    subTitleOrg: 'Accounts holding a role at {{org}}',
    searchPlaceholder: 'Username or name',
  },
  fields: {
    username: 'Username',
    displayName: 'Display name',
    memberships: 'Organisation · role',
    status: 'Status',
    createdAt: 'Created',
    password: 'Initial password',
  },
  status: {
    normal: 'Active',
    locked: 'Locked until {{time}}',
    disabled: 'Disabled',
  },
  create: {
    button: 'New account',
    title: 'New account',
    usernameHint: '3–64 characters: lower-case letters, digits or . _ -, starting with a letter or digit; used to sign in',
    passwordHint: 'Give it to the person through a safe channel and ask them to change it after signing in.',
    memberships: 'Roles (organisation · role)',
    addMembership: 'Add another role',
    removeMembership: 'Remove this role',
    organisationPlaceholder: 'Choose an organisation',
    rolePlaceholder: 'Choose a role',
    chooseOrganisationFirst: 'Choose the organisation first',
    done: 'Account {{username}} created',
  },
  grant: {
    button: 'Add role',
    title: 'Add a role for {{user}}',
    done: 'Role added for {{user}}',
  },
  revoke: {
    tooltip: 'Revoke this role',
    title: 'Revoke this role?',
    body: 'The role "{{role}}" of {{user}} at "{{org}}" will be revoked. Sessions acting through it end at their next request. This is recorded in the audit trail.',
    ok: 'Revoke',
    done: 'Revoked',
    current: 'You are acting through this role; it cannot be revoked',
  },
  unlock: {
    button: 'Unlock',
    done: '{{user}} is unlocked',
  },
  noMemberships: 'No roles',
  codes: {
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: 'Organisations of this type have no such role',
    CONFLICT: 'The account already holds this role in this organisation',
  },
  issues: {
    INVALID_FORMAT: 'Wrong format',
    INVALID_TYPE: 'Required',
    INVALID_VALUE: 'Required',
    TOO_SMALL: 'Required',
    TOO_BIG: 'Too long',
    ROLE_NOT_ALLOWED_FOR_ORGANISATION: 'Organisations of this type have no such role',
    DUPLICATE_USERNAME: 'This username is taken',
  },
};

/** The accounts feature's strings: `t('users.…')`. */
export const usersTexts = defineTexts('users', zh, en);
