import { useEffect, useState } from 'react';

/** The web shell: it confirms the API answers and points to its documentation until the workbenches arrive. */
export function App() {
  const [status, setStatus] = useState<'checking' | 'ready' | 'down'>('checking');
  useEffect(() => {
    fetch('/readyz')
      .then((r) => setStatus(r.ok ? 'ready' : 'down'))
      .catch(() => setStatus('down'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif', maxWidth: 640, margin: '10vh auto', padding: 16 }}>
      <h1>支点 Fulcrum</h1>
      <p>区域企业培训体系平台 · District enterprise training system</p>
      <p>
        服务状态 Service:{' '}
        <strong data-testid="status">{status === 'checking' ? '检查中 checking' : status === 'ready' ? '正常 ready' : '不可用 unavailable'}</strong>
      </p>
      <p>
        <a href="/api/docs">接口文档 API documentation</a>
      </p>
    </main>
  );
}
