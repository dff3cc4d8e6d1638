import { Button, Popup } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CameraProblem, problemBeforeStart, problemOf } from './camera-errors';
import './camera.css';
import type { CodeReader } from './decoder';
import { createRepeatGate } from './repeat-gate';

interface Props {
  /** a Code 128 code the camera read (once while it stays in view) */
  onCode(code: string): void;
  onClose(): void;
}

/** Time between the end of one decode and the start of the next: never two at once. */
const DECODE_GAP_MS = 150;

type Phase = 'starting' | 'loadingDecoder' | 'scanning';

interface TorchCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
}

/**
 * Full-screen camera view of the phone's counting screen: the rear camera's video with a frame
 * guide; reads Code 128 labels every ~150 ms (decoder.ts chooses the native or the zxing-wasm
 * reader, loaded lazily) and calls `onCode` once per code while it stays in view. The root carries
 * `data-decoder` (native | zxing) and `data-frames` (frames read so far) for tests.
 */
export function CameraScanner({ onCode, onClose }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [phase, setPhase] = useState<Phase>('starting');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const [torchOn, setTorchOn] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` restarts the camera (重试)
  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gate = createRepeatGate();
    setProblem(null);
    setPhase('starting');

    const loop = async (reader: CodeReader, video: HTMLVideoElement) => {
      let frames = 0;
      const step = async () => {
        if (stopped) return;
        if (video.readyState >= 2 && video.videoWidth > 0) {
          try {
            const codes = await reader.read(video);
            frames++;
            if (rootRef.current) rootRef.current.dataset.frames = String(frames);
            if (!stopped) for (const code of gate.frame(codes, performance.now())) onCodeRef.current(code);
          } catch {
            // one unreadable frame (the video resizing, a lost frame) is skipped
          }
        }
        if (!stopped) timer = setTimeout(step, DECODE_GAP_MS);
      };
      await step();
    };

    (async () => {
      const before = problemBeforeStart({
        isSecureContext: window.isSecureContext,
        hasGetUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
      });
      if (before) return setProblem(before);
      // the reader loads while the user answers the permission prompt
      const reader = import('./decoder').then((m) => m.loadCodeReader());
      reader.catch(() => undefined);
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        if (!stopped) setProblem(problemOf(err));
        return;
      }
      if (stopped) {
        // closed while the permission prompt was up: the cleanup ran before the stream existed
        for (const tr of stream.getTracks()) tr.stop();
        return;
      }
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      video.play().catch(() => undefined);
      setTrack(stream.getVideoTracks()[0] ?? null);
      setPhase('loadingDecoder');
      let loaded: CodeReader;
      try {
        loaded = await reader;
      } catch {
        if (!stopped) setProblem('decoder');
        return;
      }
      if (stopped) return;
      if (rootRef.current) rootRef.current.dataset.decoder = loaded.kind;
      setPhase('scanning');
      await loop(loaded, video);
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const tr of stream?.getTracks() ?? []) tr.stop();
      setTrack(null);
      setTorchOn(false);
    };
  }, [attempt]);

  const torchSupported = Boolean((track?.getCapabilities?.() as TorchCapabilities | undefined)?.torch);
  const toggleTorch = () => {
    const next = !torchOn;
    track
      ?.applyConstraints({ advanced: [{ torch: next } as MediaTrackConstraintSet] })
      .then(() => setTorchOn(next))
      .catch(() => undefined);
  };

  return (
    <Popup visible position="bottom" bodyClassName="camera-scanner-body" destroyOnClose onMaskClick={onClose}>
      <div ref={rootRef} className="camera-scanner" role="dialog" aria-label={t('camera.title')}>
        <video ref={videoRef} className="camera-scanner-video" playsInline muted autoPlay />
        {problem ? (
          <div className="camera-scanner-problem" role="alert">
            <p>{t(`camera.error.${problem}`)}</p>
            {problem !== 'insecure' && problem !== 'unsupported' && (
              <Button color="primary" fill="outline" onClick={() => setAttempt((n) => n + 1)}>
                {t('camera.retry')}
              </Button>
            )}
          </div>
        ) : (
          <>
            <div className="camera-scanner-guide" aria-hidden />
            <p className="camera-scanner-status" aria-live="polite">
              {phase === 'scanning' ? t('camera.hint') : t(`camera.${phase}`)}
            </p>
          </>
        )}
        <div className="camera-scanner-actions">
          {torchSupported && !problem && (
            <Button shape="rounded" onClick={toggleTorch}>
              {torchOn ? t('camera.torchOff') : t('camera.torchOn')}
            </Button>
          )}
          <Button shape="rounded" onClick={onClose}>
            {t('camera.close')}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
