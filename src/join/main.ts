import { JoinApp } from './app.ts';
import './join.css';

// The phone page (/join): no Phaser and no game code, so it loads fast on venue Wi-Fi.
void new JoinApp(document.getElementById('app')!).start();
