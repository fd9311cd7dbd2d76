import { Center, Loader, Paper } from '@mantine/core';
import { useEffect, useState } from 'react';

const SIZE = 184;

/** The otpauth:// URL as a QR code for authenticator apps; the qrcode library loads only here. */
export function TotpQrCode({ otpauthUrl }: { otpauthUrl: string }) {
  const [imageUrl, setImageUrl] = useState<string>();

  useEffect(() => {
    let current = true;
    void renderQrCode(otpauthUrl).then((url) => current && setImageUrl(url));
    return () => {
      current = false;
    };
  }, [otpauthUrl]);

  return (
    <Center>
      <Paper withBorder p="xs" radius="md" w={SIZE + 22} h={SIZE + 22} bg="white">
        <Center h="100%">
          {imageUrl ? (
            <img src={imageUrl} width={SIZE} height={SIZE} alt="QR code to scan with your authenticator app" />
          ) : (
            <Loader size="sm" aria-label="Drawing the QR code" />
          )}
        </Center>
      </Paper>
    </Center>
  );
}

// SVG rather than canvas: crisp at any size, and allowed by the API's CSP as a data: image.
async function renderQrCode(text: string): Promise<string> {
  const module = await import('qrcode');
  const qrcode = ('default' in module ? module.default : module) as typeof module;
  const svg = await qrcode.toString(text, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
