import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in frame around every console page: the role's menu and the account menu. */
export class ConsoleShell {
  readonly navigation: Locator;

  constructor(private readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main navigation' });
  }

  /** A menu section (Platform, Support, Organization) of the navigation. */
  section(name: string): Locator {
    return this.navigation.getByRole('group', { name });
  }

  accountMenu(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(name) });
  }

  async expectSignedInAs(name: string, role: string): Promise<void> {
    await expect(this.accountMenu(name)).toContainText(role);
  }

  async signOut(name: string): Promise<void> {
    await this.accountMenu(name).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }
}
