import { App, Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../../electron/core/customers/import/import.contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { CheckStep } from './CheckStep';
import { DoneStep } from './DoneStep';
import { fileToBase64 } from './fileTransfer';
import { MappingStep } from './MappingStep';
import { ProgressBar } from './ProgressBar';
import type { ImportMode, Mapping, RunResult, Upload, Validation } from './types';
import { UploadStep } from './UploadStep';
import { useImportProgress } from './useImportProgress';

type Busy = null | 'upload' | 'validate' | 'run';

/** Import: upload → map columns (with a preview) → check every row → import → done. */
export function ImportWizard() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const { message } = App.useApp();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const progress = useImportProgress(true);
  const shown = busy && progress && (!upload || progress.uploadId === upload.uploadId || busy === 'upload') ? progress : null;

  const step = result ? 3 : validation && !validation.mappingErrors.length ? 2 : upload ? 1 : 0;

  const restart = () => {
    setUpload(null);
    setMapping([]);
    setValidation(null);
    setResult(null);
  };

  const onFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      void message.error(t('customer-import.errors.tooLarge'));
      return;
    }
    setBusy('upload');
    try {
      const up = await call('customer.importUpload', { fileName: file.name, dataBase64: await fileToBase64(file) });
      setUpload(up);
      setMapping(up.suggestedMapping);
      setValidation(null);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const check = async () => {
    if (!upload) return;
    setBusy('validate');
    try {
      setValidation(await call('customer.importValidate', { uploadId: upload.uploadId, mapping }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  const run = async (mode: ImportMode) => {
    if (!upload) return;
    setBusy('run');
    try {
      setResult(await call('customer.importRun', { uploadId: upload.uploadId, mapping, mode }));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('customer-import.steps.upload') },
          { title: t('customer-import.steps.mapping') },
          { title: t('customer-import.steps.check') },
          { title: t('customer-import.steps.done') },
        ]}
      />
      {busy && (
        <div style={{ marginBottom: 24 }}>
          <ProgressBar progress={shown} />
        </div>
      )}
      {step === 0 && <UploadStep busy={busy === 'upload'} onFile={(f) => void onFile(f)} />}
      {step === 1 && upload && (
        <MappingStep
          upload={upload}
          mapping={mapping}
          mappingErrors={validation?.mappingErrors ?? []}
          busy={busy === 'validate'}
          onChange={(m) => {
            setMapping(m);
            setValidation(null);
          }}
          onBack={restart}
          onNext={() => void check()}
        />
      )}
      {step === 2 && upload && validation && (
        <CheckStep
          upload={upload}
          mapping={mapping}
          validation={validation}
          busy={busy === 'run'}
          onBack={() => setValidation(null)}
          onRun={(mode) => void run(mode)}
        />
      )}
      {step === 3 && result && <DoneStep result={result} onAgain={restart} />}
    </Card>
  );
}
