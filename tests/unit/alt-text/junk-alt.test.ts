import { describe, expect, it } from 'vitest';
import { isJunkAlt, repeatedAlts } from '../../../utils/alt-text/junk-alt';
import { type ImageFacts, judgeImage } from '../../../utils/alt-text/select';

describe('isJunkAlt', () => {
  it.each([
    ['image', true],
    ['Photo', true],
    ['  picture ', true],
    ['untitled', true],
    ['IMG_1234', true],
    ['IMG_1234.JPG', true],
    ['DSC01234', true],
    ['PXL_20240101_101010', true],
    ['banner-final-v2.png', true],
    ['hero image.webp', true],
    ['image 3', true],
    ['photo #12', true],
    ['12345', true],
    ['3f9a1c0b7e2d4a6f8b1c', true],
    ['https://cdn.example.com/a.jpg', true],
    ['logo', true],
    ['A red bicycle leaning on a blue door', false],
    ['Logo of the Iris project', false],
    ['Chart: sales doubled in 2024', false],
    ['Portrait of Ada Lovelace', false],
    ['', false],
  ])('%j → %s', (alt, junk) => {
    expect(isJunkAlt(alt)).toBe(junk);
  });
});

describe('repeatedAlts', () => {
  it('flags an alt shared by three different images, not one image repeated', () => {
    const repeated = repeatedAlts([
      { alt: 'Product photo', src: '/a.jpg' },
      { alt: 'product photo', src: '/b.jpg' },
      { alt: 'Product photo', src: '/c.jpg' },
      { alt: 'Our team', src: '/t.jpg' },
      { alt: 'Our team', src: '/t.jpg' },
      { alt: 'Our team', src: '/t.jpg' },
      { alt: null, src: '/d.jpg' },
    ]);
    expect([...repeated]).toEqual(['product photo']);
  });
});

const base: ImageFacts = {
  src: 'https://example.com/a.jpg',
  alt: null,
  role: null,
  hidden: false,
  width: 200,
  height: 150,
  visible: true,
  repeatedAlt: false,
};

describe('judgeImage', () => {
  it.each<[string, Partial<ImageFacts>, string, boolean]>([
    ['missing alt', {}, 'missing', true],
    ['junk alt', { alt: 'IMG_1234' }, 'junk', true],
    ['repeated alt', { alt: 'Product photo', repeatedAlt: true }, 'junk', true],
    ['good alt', { alt: 'A cat asleep on a keyboard' }, 'good', false],
    ['alt=""', { alt: '' }, 'decorative', false],
    ['role=presentation', { role: 'presentation' }, 'decorative', false],
    ['role=none', { role: 'NONE' }, 'decorative', false],
    ['aria-hidden', { hidden: true }, 'decorative', false],
    ['47 px wide', { width: 47 }, 'tiny', false],
    ['47 px high', { height: 47 }, 'tiny', false],
    ['exactly 48 px', { width: 48, height: 48 }, 'missing', true],
    ['invisible', { visible: false }, 'invisible', false],
    ['no src', { src: '' }, 'no-src', false],
    ['a javascript: src', { src: 'javascript:void 0' }, 'no-src', false],
    ['data: src', { src: 'data:image/png;base64,AAAA' }, 'missing', true],
  ])('%s → %s', (_name, facts, why, take) => {
    expect(judgeImage({ ...base, ...facts })).toEqual({ take, why });
  });
});
