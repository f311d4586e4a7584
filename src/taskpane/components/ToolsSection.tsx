/** 6. 清除标记, 插入模板 and 生成报告. */
import { Button } from '@fluentui/react-components';
import { DocumentAddRegular, DocumentTextRegular, EraserRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useMessages } from '../messagesContext';
import { useSectionStyles } from './styles';

export function ToolsSection({ disabled, onClear, onInsertTemplate, onReport }: { disabled: boolean; onClear: () => void; onInsertTemplate: () => void; onReport: () => void }) {
  const t = useMessages();
  const s = useSectionStyles();
  const headingId = useId();
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>{t.toolsHeading}</h2>
      <div className={s.row}>
        <Button icon={<EraserRegular />} onClick={onClear} disabled={disabled}>{t.clearMarks}</Button>
        <Button icon={<DocumentAddRegular />} onClick={onInsertTemplate} disabled={disabled}>{t.insertTemplate}</Button>
        <Button icon={<DocumentTextRegular />} onClick={onReport} disabled={disabled} title={t.reportHint}>{t.generateReport}</Button>
      </div>
    </section>
  );
}
