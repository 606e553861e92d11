'use client';

import { ExpandIcon, MoonIcon, ShrinkIcon, SunIcon } from '@navikt/aksel-icons';
import { Button, HStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

const THEME_KEY = 'verksted.screen.theme';

export type ScreenTheme = 'light' | 'dark';

const themeChanged = 'verksted-screen-theme';
const subscribe = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  window.addEventListener(themeChanged, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(themeChanged, onChange);
  };
};
const stored = (): ScreenTheme => (localStorage.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light');

/** The screen's light or dark look, remembered on this device (a projector keeps its choice). */
export function useScreenTheme(): [ScreenTheme, () => void] {
  const theme = useSyncExternalStore(subscribe, stored, () => 'light' as const);
  const toggle = useCallback(() => {
    localStorage.setItem(THEME_KEY, stored() === 'dark' ? 'light' : 'dark');
    window.dispatchEvent(new Event(themeChanged));
  }, []);
  return [theme, toggle];
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const changed = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return [on, toggle];
}

/** Two quiet buttons in the screen's corner: dark/light, and full screen. */
export function ScreenControls({ theme, onToggleTheme }: { theme: ScreenTheme; onToggleTheme: () => void }) {
  const t = useTranslations('screen');
  const [fullscreen, toggleFullscreen] = useFullscreen();
  return (
    <HStack gap="space-4" role="group" aria-label={t('controls')} data-testid="screen-controls">
      <Button size="small" variant="tertiary-neutral" onClick={onToggleTheme} aria-pressed={theme === 'dark'}
        icon={theme === 'dark' ? <SunIcon aria-hidden /> : <MoonIcon aria-hidden />}>
        {theme === 'dark' ? t('light') : t('dark')}
      </Button>
      <Button size="small" variant="tertiary-neutral" onClick={toggleFullscreen}
        icon={fullscreen ? <ShrinkIcon aria-hidden /> : <ExpandIcon aria-hidden />}>
        {fullscreen ? t('exitFullscreen') : t('fullscreen')}
      </Button>
    </HStack>
  );
}
