/**
 * The status bar item: idle (shield and rule count), checking (spinner), or rule errors (warning,
 * click to see the output), driven by the server's `moat/status` notification.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, StatusParams } from '../../server/src/protocol/messages';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('moat.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Moat';
    this.item.text = '$(shield) Moat';
    this.item.command = CLIENT_COMMANDS.showOutput;
    this.item.show();
  }

  update(s: StatusParams): void {
    this.item.text = s.state === 'checking' ? '$(sync~spin) Moat' : s.state === 'error' ? `$(warning) Moat: ${s.ruleErrors} rule errors` : '$(shield) Moat';
    this.item.tooltip = s.message;
    this.item.backgroundColor = s.state === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
