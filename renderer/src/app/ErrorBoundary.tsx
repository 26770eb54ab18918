/** A view that crashes shows what happened instead of blanking the whole app. */
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ label: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner banner-error" role="alert">
        <strong>{this.props.label} stopped working:</strong> {this.state.error.message}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
