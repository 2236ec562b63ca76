import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { Broadcasts } from './Broadcasts.tsx';
import { Channel } from './Channel.tsx';
import { PushChannel } from './PushChannel.tsx';
import { Rules } from './Rules.tsx';
import { SmsChannel } from './SmsChannel.tsx';
import { SmsGateway } from './SmsGateway.tsx';
import { Templates } from './Templates.tsx';
import { Triggers } from './Triggers.tsx';

const parts = [
  { path: 'broadcasts', page: Broadcasts },
  { path: 'templates', page: Templates },
  { path: 'triggers', page: Triggers },
  { path: 'channel', page: Channel },
  { path: 'sms', page: SmsChannels },
  { path: 'push', page: PushChannel },
  { path: 'rules', page: Rules },
] as const;

/** SMS go through the operator's SMSC or an aggregator's HTTP gateway: whichever was saved last. */
function SmsChannels() {
  return (
    <div className="columns">
      <SmsChannel />
      <SmsGateway />
    </div>
  );
}

/** Messages to members: broadcasts and their results, templates, triggers, the e-mail, SMS and push channels, and the rules they all keep. */
export function Messages() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">{t('messages.title')}</h1>
      <nav className="tabs" aria-label={t('messages.parts')}>
        {parts.map((part) => (
          <NavLink key={part.path} to={`/messages/${part.path}`}>
            {t(`messages.${part.path}`)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        {parts.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to="/messages/broadcasts" replace />} />
      </Routes>
    </section>
  );
}
