import { App } from 'antd';
import { useEffect } from 'react';

/**
 * What every print route (labels, stocktake report…) does on arrival: clear any toast the page
 * before left (已导出, 保存成功 would be printed onto the paper), and title the document, which
 * names the PDF when the user saves it from the print dialog.
 */
export function usePrintPage(docTitle: string): void {
  const { message, notification } = App.useApp();
  useEffect(() => {
    message.destroy();
    notification.destroy();
  }, [message, notification]);
  useEffect(() => {
    const before = document.title;
    document.title = docTitle;
    return () => {
      document.title = before;
    };
  }, [docTitle]);
}
