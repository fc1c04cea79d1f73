import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, users } from '../../db/schema/index.ts';
import { syntheticResidentId } from '../../lib/synthetic-ids.ts';
import { buildTestApp, Client, createOrganisation, createUser, type TestApp } from '../../test/app.ts';

let t: TestApp;
let enterpriseId: string;
let otherEnterpriseId: string;
let admin: Client;
let entAdmin: Client;
let entAdminMembershipId: string;

const password = 'Account-pass-2026';

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await createOrganisation(t.db, { type: 'government_department' });
  enterpriseId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  otherEnterpriseId = (await createOrganisation(t.db, { type: 'enterprise' })).id;
  const sys = await createUser(t.db, platform.id, 'system_admin');
  admin = await new Client(t.app).login(sys.user.username);
  const ent = await createUser(t.db, enterpriseId, 'enterprise_admin');
  entAdminMembershipId = ent.membership.id;
  entAdmin = await new Client(t.app).login(ent.user.username);
});
afterAll(() => t.close());

describe('creating accounts', () => {
  it('creates an account with its memberships, and the new user can sign in through them', async () => {
    const response = await entAdmin.post('/api/v1/users', {
      username: 'New.Trainer', displayName: '新培训经理', password, memberships: [{ organisationId: enterpriseId, role: 'training_manager' }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: 'new.trainer', memberships: [{ organisationId: enterpriseId, role: 'training_manager' }] });
    const session = (await (await new Client(t.app).login('new.trainer', password)).get('/api/v1/auth/session')).json();
    expect(session.activeMembership.role).toBe('training_manager');
  });

  it('refuses a taken username (409), a role the organisation type lacks (400), and roles outside the admin’s organisation (403)', async () => {
    const taken = await entAdmin.post('/api/v1/users', { username: 'new.trainer', displayName: 'x', password, memberships: [{ organisationId: enterpriseId, role: 'employee' }] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('DUPLICATE_USERNAME');
    const wrongType = await entAdmin.post('/api/v1/users', { username: 'wrong.type', displayName: 'x', password, memberships: [{ organisationId: enterpriseId, role: 'mediator' }] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.issues[0]).toMatchObject({ path: 'body.memberships.0.role', code: 'ROLE_NOT_ALLOWED_FOR_ORGANISATION' });
    const elsewhere = await entAdmin.post('/api/v1/users', { username: 'else.where', displayName: 'x', password, memberships: [{ organisationId: otherEnterpriseId, role: 'employee' }] });
    expect(elsewhere.statusCode).toBe(404);
    const weak = await entAdmin.post('/api/v1/users', { username: 'weak.one', displayName: 'x', password: 'short', memberships: [{ organisationId: enterpriseId, role: 'employee' }] });
    expect(weak.statusCode).toBe(400);
    expect((await t.db.select().from(users).where(eq(users.username, 'weak.one'))).length).toBe(0);
  });

  it('links a person to one account only', async () => {
    const employee = await entAdmin.post(`/api/v1/organisations/${enterpriseId}/employees`, {
      name: '账号人', residentId: syntheticResidentId(31), position: '操作工', startDate: '2026-01-05',
    });
    const personId = employee.json().person.id;
    const first = await entAdmin.post('/api/v1/users', { username: 'person.one', displayName: '账号人', password, personId, memberships: [{ organisationId: enterpriseId, role: 'employee' }] });
    expect(first.statusCode).toBe(201);
    const second = await entAdmin.post('/api/v1/users', { username: 'person.two', displayName: '账号人', password, personId, memberships: [{ organisationId: enterpriseId, role: 'employee' }] });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.issues[0].code).toBe('PERSON_HAS_ACCOUNT');
  });
});

describe('locks and memberships', () => {
  it('lets an organisation admin unlock only accounts that belong to their organisation alone', async () => {
    const lockedUntil = new Date(t.clock.now().getTime() + 600_000);
    const own = await createUser(t.db, enterpriseId, 'employee');
    const shared = await createUser(t.db, enterpriseId, 'employee');
    await t.db.insert(memberships).values({ userId: shared.user.id, organisationId: otherEnterpriseId, role: 'employee' });
    await t.db.update(users).set({ lockedUntil }).where(eq(users.id, own.user.id));
    await t.db.update(users).set({ lockedUntil }).where(eq(users.id, shared.user.id));

    const unlocked = await entAdmin.post(`/api/v1/users/${own.user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    const refused = await entAdmin.post(`/api/v1/users/${shared.user.id}/unlock`);
    expect(refused.statusCode).toBe(403);
    expect((await t.db.select().from(users).where(eq(users.id, shared.user.id)))[0]!.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/v1/users/${shared.user.id}/unlock`)).statusCode).toBe(200);
  });

  it('refuses to revoke the membership the admin is acting through, and revokes another once', async () => {
    expect((await entAdmin.post(`/api/v1/memberships/${entAdminMembershipId}/revoke`)).statusCode).toBe(409);
    const member = await createUser(t.db, enterpriseId, 'instructor');
    const memberClient = await new Client(t.app).login(member.user.username);
    expect((await entAdmin.post(`/api/v1/memberships/${member.membership.id}/revoke`)).statusCode).toBe(200);
    expect((await entAdmin.post(`/api/v1/memberships/${member.membership.id}/revoke`)).statusCode).toBe(404);
    // A session acting through a revoked membership ends at its next request.
    expect((await memberClient.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});
