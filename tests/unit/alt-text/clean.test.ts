import { describe, expect, it } from 'vitest';
import { cleanAltText } from '../../../utils/alt-text/clean';
import { altTextPrompt } from '../../../utils/alt-text/prompt';

describe('cleanAltText', () => {
  it.each([
    ['A red bicycle.', 'A red bicycle.'],
    ['  "A red bicycle"  ', 'A red bicycle'],
    ['“Ein rotes Fahrrad”', 'Ein rotes Fahrrad'],
    ['Image of a red bicycle', 'A red bicycle'],
    ['An image of a red bicycle', 'A red bicycle'],
    ['picture of a dog', 'A dog'],
    ['A photo showing two dogs', 'Two dogs'],
    ['This image shows a map of Paris', 'A map of Paris'],
    ['Alt text: "Sign reading OPEN"', 'Sign reading OPEN'],
    ["Here's an alt text: A cat", 'A cat'],
    ['**A bold cat**', 'A bold cat'],
    [
      '**Four quadrants.** Red, green, blue and yellow squares.',
      'Four quadrants. Red, green, blue and yellow squares.',
    ],
    ['A *sleepy* cat on a `README` page', 'A sleepy cat on a README page'],
    ['A cat named __Tom__ and ~~a~~ one dog', 'A cat named Tom and a one dog'],
    ['A sign: [OPEN](https://example.com) daily', 'A sign: OPEN daily'],
    ['- A cat on a mat', 'A cat on a mat'],
    ['1. A cat on a mat', 'A cat on a mat'],
    ['**A cat on a mat, cut short', 'A cat on a mat, cut short'],
    ['A formula: 5 * 3 = 15, in snake_case_name', 'A formula: 5 * 3 = 15, in snake_case_name'],
    ['_Image of_ a dog', 'A dog'],
    ['# A heading cat', 'A heading cat'],
    ['A cat\non two\n lines', 'A cat on two lines'],
    ['Photography exhibition poster', 'Photography exhibition poster'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanAltText(raw)).toBe(clean);
  });

  it('cuts at a word boundary with an ellipsis, never past the limit', () => {
    const raw = 'A long sentence about a red bicycle leaning against a blue wooden door in the sun';
    const alt = cleanAltText(raw, 40);
    expect(Array.from(alt).length).toBeLessThanOrEqual(40);
    expect(alt).toBe('A long sentence about a red bicycle…');
  });

  it('counts characters, not UTF-16 units', () => {
    const alt = cleanAltText('😀'.repeat(20), 10);
    expect(Array.from(alt)).toHaveLength(10);
  });
});

describe('altTextPrompt', () => {
  it('asks for the length, the language, no "image of", and transcribed text', () => {
    const prompt = altTextPrompt('fr-FR', 100);
    expect(prompt).toContain('at most 100 characters');
    expect(prompt).toContain('"fr-FR"');
    expect(prompt).toMatch(/image of/);
    expect(prompt).toMatch(/transcribe/i);
  });
});
