// CRX3, the package Chrome installs from an update server: "Cr24", version 3, a protobuf header that carries the
// public key and an RSA-SHA256 signature, then the zip. The format is Chromium's components/crx_file/crx3.proto;
// the extension ID is derived from the key, so the same key keeps the same ID from release to release.
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';

/** A protobuf varint. */
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
const field = (number: number, bytes: Buffer) => Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);

const uint32le = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

/** Chrome's extension ID: the first 16 bytes of SHA-256 over the public key, each hex digit 0-f written as a-p. */
export function extensionId(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The signed CRX3 of `zip` and the extension ID that follows from the key (an RSA private key, PKCS#8 PEM). */
export function packCrx(zip: Buffer, privateKeyPem: string): { crx: Buffer; id: string } {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('The CRX key must be an RSA private key (PKCS#8 PEM).');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const crxId = createHash('sha256').update(publicKey).digest().subarray(0, 16);
  const signedData = field(1, crxId); // SignedData { bytes crx_id = 1; }
  const signature = sign(
    'sha256',
    Buffer.concat([Buffer.from('CRX3 SignedData\x00'), uint32le(signedData.length), signedData, zip]),
    privateKey,
  );
  // CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
  const header = Buffer.concat([field(2, Buffer.concat([field(1, publicKey), field(2, signature)])), field(10000, signedData)]);
  return { crx: Buffer.concat([Buffer.from('Cr24'), uint32le(3), uint32le(header.length), header, zip]), id: extensionId(publicKey) };
}
