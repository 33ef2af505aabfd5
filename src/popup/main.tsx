import { render } from 'preact';

render(<main>Docker Cloud AWS Link</main>, document.getElementById('app')!);
