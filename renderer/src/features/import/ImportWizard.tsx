import { App, Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ValueMapEntry } from '../../../../electron/core/import/shared/import.contract';
import { call } from '../../api/index';
import { useAction } from '../../shared/useCall';
import { CheckStep } from './CheckStep';
import { DoneStep } from './DoneStep';
import { sendFileParts } from './fileTransfer';
import { MappingStep } from './MappingStep';
import { ProgressBar } from './ProgressBar';
import type { ImportMode, Mapping, RunResult, Upload, Validation, Values } from './types';
import { UploadStep } from './UploadStep';
import { useImportProgress } from './useImportProgress';
import { ValueMapStep } from './ValueMapStep';

type Busy = 'upload' | 'validate' | 'run';

/**
 * Import: upload → map columns (with a preview) → map values that name no list item (when there
 * are any) → check every row → import → done.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [values, setValues] = useState<Values | null>(null);
  const [valueMap, setValueMap] = useState<ValueMapEntry[]>([]);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const { running: busy, run: during } = useAction<Busy>();
  const progress = useImportProgress(true);
  const shown = busy && progress && (!upload || progress.id === upload.uploadId || busy === 'upload') ? progress : null;

  const hasValues = !!values?.columns.length;
  const step = result ? 4 : validation && !validation.mappingErrors.length ? 3 : hasValues ? 2 : upload ? 1 : 0;

  const restart = () => {
    setUpload(null);
    setMapping([]);
    setValues(null);
    setValueMap([]);
    setValidation(null);
    setResult(null);
  };

  const onFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      void message.error(t('import.errors.tooLarge'));
      return;
    }
    await during(async () => {
      const up = await call('customer.importUpload', { fileName: file.name, partsId: await sendFileParts(file) });
      setUpload(up);
      setMapping(up.suggestedMapping);
      setValues(null);
      setValueMap([]);
      setValidation(null);
    }, 'upload');
  };

  const validate = async (uploadId: string, map: ValueMapEntry[]) => {
    setValueMap(map);
    setValidation(await call('customer.importValidate', { uploadId, mapping, valueMap: map }));
  };

  const check = async (map: ValueMapEntry[]) => {
    if (upload) await during(() => validate(upload.uploadId, map), 'validate');
  };

  /** After the columns: the values that name no list item; none → straight to the check. */
  const findValues = async () => {
    if (!upload) return;
    await during(async () => {
      const found = await call('customer.importValues', { uploadId: upload.uploadId, mapping });
      setValues(found);
      if (!found.columns.length) await validate(upload.uploadId, []);
    }, 'validate');
  };

  const run = async (mode: ImportMode) => {
    if (!upload) return;
    await during(async () => {
      setResult(await call('customer.importRun', { uploadId: upload.uploadId, mapping, valueMap, mode }));
    }, 'run');
  };

  return (
    <Card>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.steps.upload') },
          { title: t('import.steps.mapping') },
          { title: t('import.steps.values') },
          { title: t('import.steps.check') },
          { title: t('import.steps.done') },
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
            setValues(null);
            setValueMap([]);
            setValidation(null);
          }}
          onBack={restart}
          onNext={() => void findValues()}
        />
      )}
      {step === 2 && values && (
        <ValueMapStep
          values={values}
          initial={valueMap}
          busy={busy === 'validate'}
          onBack={() => {
            setValues(null);
            setValueMap([]);
          }}
          onNext={(map) => void check(map)}
        />
      )}
      {step === 3 && upload && validation && (
        <CheckStep
          upload={upload}
          mapping={mapping}
          valueMap={valueMap}
          validation={validation}
          busy={busy === 'run'}
          onBack={() => {
            setValidation(null);
            if (!hasValues) setValues(null);
          }}
          onRun={(mode) => void run(mode)}
        />
      )}
      {step === 4 && result && <DoneStep result={result} onAgain={restart} />}
    </Card>
  );
}
